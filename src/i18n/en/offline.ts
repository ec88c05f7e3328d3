/** The offline update prompt (src/lib/offline/register.ts), in English. */
export const offlineStrings = {
  updateReady: 'A new version of the playbook is available. Reload to read it.',
  reload: 'Reload',
  later: 'Later',
};
