// Asks the bank's fraud service whether a withdrawal looks legitimate. The real service
// answers in about a second; this stand-in waits as long and approves everything.

/** { approved: boolean } for withdrawing `amountCents` from `accountId`. */
export async function fraudCheck(accountId, amountCents) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { approved: true };
}
