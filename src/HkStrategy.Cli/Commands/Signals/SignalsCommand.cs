using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Signals;

public static class SignalsCommand
{
    public static Command Create(CliContext context) => new("signals", "TXYZN trading signals: generate and list")
    {
        new SignalsGenerateCommand(context).Create(),
        new SignalsListCommand(context).Create(),
    };
}
