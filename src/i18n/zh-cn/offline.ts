import type { UiStrings } from '../en';

/** 离线更新提示（src/lib/offline/register.ts）。 */
export const offlineStrings: UiStrings['offline'] = {
  updateReady: '手册已有新版本，重新加载即可阅读。',
  reload: '重新加载',
  later: '稍后',
};
