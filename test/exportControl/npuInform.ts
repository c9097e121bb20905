/**
 * An inform notice as METI might send it: a WMD inform for integrated circuits (HS 8542) to China, for the
 * End User List's Northwestern Polytechnical University (an invented reference, not a real notice).
 */
export const npuInform = {
  reference: '20260110貿局第7号',
  kind: 'wmd' as const,
  issuedOn: '2026-01-10',
  items: ['8542'],
  destinations: ['China'],
  endUser: 'Northwestern Polytechnical University',
};
