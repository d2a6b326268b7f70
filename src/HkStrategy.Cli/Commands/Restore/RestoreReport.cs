using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>What a restore reports: where the data is now, the safety copies, the switch window and the checks run on the result.</summary>
internal static class RestoreReport
{
    public static async Task<int> WriteAsync(CliContext context, DatabaseTarget live, RestoreResult result, bool json, CancellationToken cancellationToken)
    {
        var checks = await PostRestoreChecks.RunAsync(live.WithDatabase(result.Database), result.Content, cancellationToken);
        if (json)
        {
            await JsonOutput.WriteAsync(context, new { result.Database, result.EmergencyBackup, result.PreRestoreDatabase, result.UnavailableMilliseconds, result.AdoptedAs, result.SchemaVersion, result.Content, checks });
        }
        else
        {
            if (result.AdoptedAs is not null)
            {
                await context.Out.WriteLineAsync($"legacy dump adopted: it was {result.AdoptedAs}");
            }
            if (result.EmergencyBackup is not null)
            {
                await context.Out.WriteLineAsync($"emergency backup (verified): {result.EmergencyBackup}");
            }
            if (result.PreRestoreDatabase is not null)
            {
                await context.Out.WriteLineAsync($"the previous database is kept as {result.PreRestoreDatabase}");
            }
            foreach (var line in checks)
            {
                await context.Out.WriteLineAsync(line);
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"restored into {result.Database}: schema version {result.SchemaVersion}, {result.Content.Portfolios.Count} portfolios, HK${result.Content.TotalMarketValue:N2}; unavailable for {result.UnavailableMilliseconds:N0} ms"));
        }
        return 0;
    }
}
