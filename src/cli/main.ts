// The `trygg` command. Each sub-command lives in commands/ and is loaded only when used, so
// `trygg deadline` stays fast and does not open a database.
const commands: Record<string, { file: string; help: string }> = {
  start: { file: "./commands/start.ts", help: "start the server (embedded database by default)" },
  migrate: { file: "./commands/migrate.ts", help: "apply database migrations and exit" },
  owners: { file: "./commands/owners.ts", help: "owners add --name NAME [--org-number N]" },
  schools: {
    file: "./commands/schools.ts",
    help: "schools add --owner ID --name NAME [--org-number N]",
  },
  users: {
    file: "./commands/users.ts",
    help: "users add --username U --given G --family F [--admin] [--role R --school ID|--owner ID]",
  },
  audit: { file: "./commands/audit.ts", help: "audit verify: check the audit log's hash chain" },
  backup: {
    file: "./commands/backup.ts",
    help: "backup --out FILE: write a backup of the database",
  },
  restore: {
    file: "./commands/restore.ts",
    help: "restore --in FILE: restore a backup (empty database)",
  },
  import: { file: "./commands/import.ts", help: "import --school ID --format oneroster|csv PATH" },
  deadline: {
    file: "./commands/deadline.ts",
    help: "deadline --from YYYY-MM-DD --working-days N [--school-owner ID]",
  },
  groups: { file: "./commands/groups-solve.ts", help: "groups solve FILE [--seed S]" },
  surveys: {
    file: "./commands/surveys-import.ts",
    help: "surveys import --school ID [--unit NAME] FILE [--json]",
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.help}`);
  return `Usage: trygg <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  let args = rest;
  if (name === "groups") {
    if (rest[0] !== "solve") {
      process.stderr.write("Usage: trygg groups solve FILE [--seed S]\n");
      return 2;
    }
    args = rest.slice(1);
  }
  if (name === "surveys") {
    if (rest[0] !== "import") {
      process.stderr.write("Usage: trygg surveys import --school ID [--unit NAME] FILE [--json]\n");
      return 2;
    }
    args = rest.slice(1);
  }
  const mod = (await import(command.file)) as { default: (argv: string[]) => Promise<number> };
  return mod.default(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || !["start"].includes(process.argv[2] ?? "")) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
