using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Settings;

namespace HkStrategy.Data.Targets;

/// <summary><c>--database</c>, else <c>HKS_DATABASE_URL</c>, else the embedded cluster under <c>$HKS_HOME</c>.</summary>
public static class TargetResolver
{
    public static string? ExternalTarget(string? explicitDatabase, HksSettings settings) =>
        !string.IsNullOrWhiteSpace(explicitDatabase) ? explicitDatabase : settings.DatabaseUrl;

    public static async Task<DatabaseTarget> ResolveAsync(string? explicitDatabase, HksSettings settings, CancellationToken cancellationToken) =>
        ExternalTarget(explicitDatabase, settings) is { } external
            ? new DatabaseTarget(ConnectionStrings.Normalize(external), IsEmbedded: false)
            : await new EmbeddedCluster(settings).EnsureRunningAsync(cancellationToken);
}
