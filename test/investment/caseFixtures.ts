/** The five 一般免除 conditions, all undertaken: shared by the investment tests' cases. */
export const allConditions = {
  noBoardSeat: true,
  noBusinessTransferProposal: true,
  noTechAccess: true,
  noCommitteeAttendance: true,
  noWrittenProposals: true,
};
