using HkStrategy.Cli;
using HkStrategy.Cli.Infrastructure;

return await HksCli.RunAsync(args, CliContext.ForProcess());
