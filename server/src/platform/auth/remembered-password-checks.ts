import { hashPassword, verifyPassword } from 'better-auth/crypto';

/**
 * better-auth's own scrypt check, with each (hash, password) answer remembered: for the test
 * suite, whose hundreds of sign-ins share one hash and one password, and which would
 * otherwise spend minutes of CPU proving the same thing (about 0.2 s each). A wrong password
 * or another hash is a new pair and runs the real check. Never set in production, where a
 * remembered pair would keep plain passwords in memory.
 */
export function rememberedPasswordChecks() {
  const answers = new Map<string, Promise<boolean>>();
  return {
    hash: hashPassword,
    verify: ({ hash, password }: { hash: string; password: string }): Promise<boolean> => {
      const key = `${hash}\u0000${password}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = verifyPassword({ hash, password });
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
