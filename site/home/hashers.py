"""A lighter PBKDF2 for two kinds of password that a whole class makes in the same minute.

Django's default (PBKDF2, 1,000,000 iterations) costs 0.39 s of CPU here; forty phones
joining and practising at once spent more than half the server's time hashing. This
hasher runs 100,000 iterations (about 0.04 s) and is used only for:

- the password printed on a learner's card: 8 random characters (about 40 bits), never
  chosen or reused by a person; Django re-hashes it at full strength at the learner's
  first log-in with it (which, as any change of hash, ends the learner's other sessions
  once: the phone they joined on asks them to log in again);
- the sandbox's practice accounts, whose data is made up and deleted after 30 days.

Every other password (staff, managers, trainers, a learner's own) uses Django's default.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher

LIGHT_HASHER = "pbkdf2_sha256_light"


class LightPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    algorithm = LIGHT_HASHER
    iterations = 100_000
