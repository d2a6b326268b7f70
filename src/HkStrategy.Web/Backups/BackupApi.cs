using HkStrategy.Operations.Backup;
using HkStrategy.Web.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HkStrategy.Web.Backups;

/// <summary>
/// <c>/api/backups</c>: the catalog with each archive's verify state, one entry, and <c>/api/jobs/{id}</c>: a long
/// operation's progress. Backups are named by their catalog file name only; creating and restoring stay on the pages.
/// </summary>
public static class BackupApi
{
    public static void MapBackupApi(this RouteGroupBuilder api)
    {
        var backups = api.MapGroup("/backups").WithTags("Backups");
        backups.MapGet("/", ListAsync);
        backups.MapGet("/{file}", GetAsync);
        api.MapGet("/jobs/{id}", GetJob).WithTags("Backups");
    }

    private static async Task<Ok<IReadOnlyList<BackupResponse>>> ListAsync(BackupEntries entries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<BackupResponse>>((await entries.ListAsync(cancellationToken)).Select(BackupResponse.From).ToList());

    private static async Task<Ok<BackupResponse>> GetAsync(string file, BackupEntries entries, CancellationToken cancellationToken) =>
        TypedResults.Ok(BackupResponse.From(await entries.FindAsync(file, cancellationToken)));

    private static Results<Ok<JobResponse>, NotFound> GetJob(string id, OperationJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(JobResponse.From(job)) : TypedResults.NotFound();

    public sealed record BackupResponse(
        string File, DateTimeOffset CreatedAt, long SizeBytes, string Kind, string Format, int? SchemaVersion, string? Label, bool HasManifest,
        DateTimeOffset? VerifiedAt, bool Drilled, decimal? TotalMarketValue, string Download, string Restore)
    {
        public static BackupResponse From(CatalogEntry e)
        {
            var name = Uri.EscapeDataString(e.File);
            return new BackupResponse(e.File, e.CreatedAt, e.SizeBytes, e.KindText, e.FormatText, e.SchemaVersion, e.Label, e.HasManifest, e.VerifiedAt, e.Drilled,
                e.TotalMarketValue, $"/backups/{name}/download", $"/backups/{name}/restore");
        }
    }

    public sealed record JobResponse(string Id, string Title, string State, DateTimeOffset StartedAt, string? Step, long? Done, long? Total,
        IReadOnlyList<string> Steps, string? Summary, IReadOnlyList<string> Details, string? Failure)
    {
        public static JobResponse From(OperationJob job) => new(job.Id, job.Title, job.State.ToString().ToLowerInvariant(), job.StartedAt,
            job.Current?.Step, job.Current?.Done, job.Current?.Total, job.Steps, job.Outcome?.Summary, job.Outcome?.Details ?? [], job.Failure);
    }
}
