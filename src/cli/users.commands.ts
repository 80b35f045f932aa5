import { type CliCommand, parseOptions, readAll, withAppContext } from 'src/cli/command.js';
import { DomainError } from 'src/common/domain-error.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';
import {
  CLEARANCE_CODES,
  type Clearance,
  MEMBERSHIP_ROLE_CODES,
  type MembershipRole,
} from 'src/modules/users/roles.js';
import { UsersService } from 'src/modules/users/users.service.js';
import { USERNAME_PATTERN } from 'src/modules/users/users.dto.js';

export const userCreateCommand: CliCommand = {
  words: ['user', 'create'],
  usage:
    'user create --username U --unit UNIT --role ROLE [--name NAME] [--position TITLE] [--clearance C]',
  description:
    'Create a user with a first membership; the password is read from stdin. UNIT is a unit id, seed key (th:ร้อยเอ็ด), or an exact, unique short or full Thai name.',
  async run(args, io, config) {
    const { options } = parseOptions(args);
    const text = (name: string) => {
      const value = options.get(name);
      return typeof value === 'string' ? value : undefined;
    };
    const username = text('username')?.trim().toLowerCase();
    const unit = text('unit');
    const role = text('role') as MembershipRole | undefined;
    const clearance = (text('clearance') ?? 'none') as Clearance;
    const problems: string[] = [];
    if (!username || !USERNAME_PATTERN.test(username)) {
      problems.push('--username must be 3–64 of a-z, 0-9, . _ - (starting with a letter or digit)');
    }
    if (!unit) problems.push('--unit is required');
    if (!role || !MEMBERSHIP_ROLE_CODES.includes(role)) {
      problems.push(`--role must be one of ${MEMBERSHIP_ROLE_CODES.join(', ')}`);
    }
    if (!CLEARANCE_CODES.includes(clearance)) {
      problems.push(`--clearance must be one of ${CLEARANCE_CODES.join(', ')}`);
    }
    if (problems.length > 0) {
      for (const problem of problems) io.stderr.write(`saraban: ${problem}\n`);
      return 2;
    }
    // One line from stdin; the trailing newline of `echo` or a here-string is not part of it.
    const password = (await readAll(io.stdin)).replace(/\r?\n$/, '');
    return withAppContext(config(), async (app) => {
      try {
        const target = await app.get(OrganisationsService).resolveReference(unit!);
        const user = await app.get(UsersService).createBySystem(
          {
            username: username!,
            displayName: text('name') ?? username!,
            positionTitle: text('position') ?? null,
            password,
            clearance,
            unitId: target.id,
            role: role!,
          },
          { userId: null, name: 'cli' },
        );
        io.stdout.write(
          `created user ${user.username} (${user.id}) as ${role} of ${target.nameTh}\n`,
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          io.stderr.write(`saraban: ${error.code}: ${error.detail}\n`);
          const candidates = error.extras.data?.candidates as
            { id: string; nameTh: string }[] | undefined;
          for (const candidate of candidates ?? []) {
            io.stderr.write(`  ${candidate.id}  ${candidate.nameTh}\n`);
          }
          return 1;
        }
        throw error;
      }
    });
  },
};
