/**
 * Another tab sharing the session announces its refresh, then its failure (success arrives as
 * SESSION_CHANGED_ELSEWHERE). Heard while this tab has the session (signedIn, refreshing): a tab
 * granted the lock after such an announcement waits for the outcome instead of refreshing too.
 */
export const otherTabRefreshNews = {
  REFRESH_STARTED_ELSEWHERE: { actions: 'recordOtherTabRefreshing' },
  REFRESH_FAILED_ELSEWHERE: { actions: 'forgetOtherTabRefreshing' },
} as const;
