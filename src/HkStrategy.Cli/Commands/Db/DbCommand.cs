using System.CommandLine;
using HkStrategy.Cli.Commands.Db.Migrate;
using HkStrategy.Cli.Commands.Db.Rollback;
using HkStrategy.Cli.Commands.Db.Seed;
using HkStrategy.Cli.Commands.Db.Start;
using HkStrategy.Cli.Commands.Db.Status;
using HkStrategy.Cli.Commands.Db.Stop;
using HkStrategy.Cli.Commands.Db.Url;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Db;

public static class DbCommand
{
    public static Command Create(CliContext context) => new("db", "The database: where it is, its schema version, migrations and the demo state")
    {
        new StatusCommand(context).Create(),
        new UrlCommand(context).Create(),
        new StartCommand(context).Create(),
        new StopCommand(context).Create(),
        new MigrateCommand(context).Create(),
        new RollbackCommand(context).Create(),
        new SeedCommand(context).Create(),
    };
}
