using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Integrity;

namespace HkStrategy.Cli.Commands.Check;

/// <summary><c>hks check</c>: the integrity check, one line per finding; exit 1 on any error.</summary>
public sealed class CheckCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("check", "Check the data's integrity: orphans, generated columns, sequences, views, version record") { _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var findings = await new IntegrityCheck(new SchemaMigrator(MigrationCatalog.Embedded)).RunAsync(database, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, [.. findings.Select(f => new FindingJson(f.Check, f.Severity.ToString().ToLowerInvariant(), f.Message))], CommandJson.Types.IReadOnlyListFindingJson);
        }
        else
        {
            foreach (var line in FindingLines.Format(findings))
            {
                await Context.Out.WriteLineAsync(line);
            }
        }
        return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }
}

public static class FindingLines
{
    public static IEnumerable<string> Format(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Severity switch { Severity.Ok => "✔", Severity.Warning => "!", _ => "✘" }} {f.Check}: {f.Message}");
}

/// <summary>One finding of <c>hks check</c>: the check, its severity in lower case, what it found.</summary>
internal sealed record FindingJson(string Check, string Severity, string Message);
