using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Fees;

/// <summary><c>hks fees</c>: Hong Kong's trading costs.</summary>
public static class FeesCommand
{
    public static Command Create(CliContext context) =>
        new("fees", "Hong Kong's trading costs: stamp duty, levies, exchange and settlement fees, commission") { new FeesQuoteCommand(context).Create() };
}
