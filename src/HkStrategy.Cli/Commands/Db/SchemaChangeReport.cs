using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Schema;

namespace HkStrategy.Cli.Commands.Db;

/// <summary>How migrate and rollback report what they did.</summary>
internal static class SchemaChangeReport
{
    public static async Task WriteAsync(CliContext context, SchemaChangeResult result, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(context, result, CommandJson.Types.SchemaChangeResult);
            return;
        }
        var output = result.DryRun ? context.Error : context.Out;
        if (result.AdoptedAs is not null)
        {
            await output.WriteLineAsync($"adopted: the database was {result.AdoptedAs}");
        }
        foreach (var change in result.AdoptionChanges)
        {
            await output.WriteLineAsync($"  adopting changed: {change}");
        }
        if (result.BackupPath is not null)
        {
            await output.WriteLineAsync($"backup (verified): {result.BackupPath}");
        }
        foreach (var step in result.Steps)
        {
            await output.WriteLineAsync($"{(result.DryRun ? "would migrate" : "migrated")} {step}");
        }
        if (result.HoldingsConverted > 0)
        {
            await output.WriteLineAsync($"{result.HoldingsConverted} holding(s) became positions");
        }
        await output.WriteLineAsync(result.Steps.Count == 0
            ? $"schema version {result.ToVersion}: nothing to do"
            : $"schema version {(result.DryRun ? "would be" : "is now")} {result.ToVersion}");
    }
}
