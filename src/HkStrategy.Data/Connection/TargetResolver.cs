using HkStrategy.Data.Embedded;

namespace HkStrategy.Data.Connection;

/// <summary><c>--database</c>, else <c>HKS_DATABASE_URL</c>, else the embedded cluster under <c>$HKS_HOME</c>.</summary>
public static class TargetResolver
{
    public const string EnvironmentVariable = "HKS_DATABASE_URL";

    public static string? ExternalTarget(string? explicitDatabase) =>
        !string.IsNullOrWhiteSpace(explicitDatabase) ? explicitDatabase
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    public static async Task<DatabaseTarget> ResolveAsync(string? explicitDatabase, CancellationToken cancellationToken) =>
        ExternalTarget(explicitDatabase) is { } external
            ? new DatabaseTarget(ConnectionStrings.Normalize(external), IsEmbedded: false)
            : await new EmbeddedCluster(HksHome.FromEnvironment()).EnsureRunningAsync(cancellationToken);
}
