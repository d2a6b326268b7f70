using System.Text;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HkStrategy.Web.Activities;

/// <summary>
/// <c>/api/portfolios/{id}/activities</c>: a portfolio's ledger, newest first, a page at a time, and each activity's
/// history from the journal; <c>/portfolios/{id}/activities/export</c> the ledger as a file. Read-only: activities are
/// recorded, edited, removed and imported on the Activities page, whose forms carry antiforgery tokens.
/// </summary>
public static class ActivityApi
{
    public const int DefaultLimit = 500;
    public const int MaximumLimit = 10_000;

    public static void MapActivityApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/portfolios/{id}/activities").WithTags("Activities").RequireCurrentSchema();
        activities.MapGet("/", ListAsync).WithSummary("The ledger newest first: symbol, type, from and to filter it; offset and limit (at most 10,000) page it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        activities.MapGet("/{activityId}/journal", JournalAsync).WithSummary("Every change of one activity, oldest first, with the activity as it was then")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapActivityExport(this WebApplication app) =>
        app.MapGet("/portfolios/{id}/activities/export", ExportAsync).WithTags("Activities").RequireCurrentSchema()
            .WithSummary("The ledger as a file: format csv (hks's own, the default), ghostfolio (JSON) or wealthfolio (CSV)");

    private static async Task<Results<Ok<ActivityPage>, ValidationProblem>> ListAsync(string id, string? symbol, string? type, string? from, string? to,
        string? offset, string? limit, Database database, LedgerListCache ledger, CancellationToken cancellationToken)
    {
        var filter = new LedgerFilter(symbol, type, from, to);
        string? parsedSymbol = null;
        HkStrategy.Core.Ledger.ActivityType? parsedType = null;
        DateOnly? first = null, last = null;
        int start = 0, count = DefaultLimit;
        if ((ApiValidation.Check("id", () => PortfolioId.Require(id)) ?? ApiValidation.Check("symbol", () => parsedSymbol = filter.ParsedSymbol())
            ?? ApiValidation.Check("type", () => parsedType = filter.ParsedType()) ?? ApiValidation.Check("from", () => first = filter.ParsedFrom())
            ?? ApiValidation.Check("to", () => last = filter.ParsedTo()) ?? ApiValidation.Check("offset", () => start = Count("offset", offset, 0, int.MaxValue, 0))
            ?? ApiValidation.Check("limit", () => count = Count("limit", limit, 1, MaximumLimit, DefaultLimit))) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var matching = LedgerFilter.NewestFirst(await ledger.ListAsync(connection, id, parsedSymbol, cancellationToken), parsedType, first, last);
        return TypedResults.Ok(new ActivityPage(matching.Count, start, [.. matching.Skip(start).Take(count).Select(ActivityResponse.Of)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<JournalResponse>>, ValidationProblem>> JournalAsync(string id, string activityId, Database database,
        CancellationToken cancellationToken)
    {
        long activity = 0;
        if ((ApiValidation.Check("id", () => PortfolioId.Require(id)) ?? ApiValidation.Check("activityId", () => activity = Count("activityId", activityId, 1, int.MaxValue, 0))) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = await ActivityJournal.OfActivityAsync(connection, id, activity, cancellationToken);
        if (entries.Count == 0)
        {
            _ = await HkStrategy.Data.Portfolios.PortfolioStore.GetAsync(connection, id, cancellationToken); // an unknown portfolio is named as such
            throw ActivityStore.Missing(activity);
        }
        return TypedResults.Ok<IReadOnlyList<JournalResponse>>([.. entries.Select(JournalResponse.Of)]);
    }

    private static async Task<IResult> ExportAsync(string id, string? format, Database database, CancellationToken cancellationToken)
    {
        PortfolioId.Require(id);
        var fileFormat = string.IsNullOrWhiteSpace(format) ? ActivityFileFormat.Csv : ActivityFileFormats.Parse(format);
        await using var connection = await database.OpenAsync(cancellationToken);
        _ = await HkStrategy.Data.Portfolios.PortfolioStore.GetAsync(connection, id, cancellationToken);
        var activities = (await ActivityStore.ListAsync(connection, id, new ActivityFilter(), cancellationToken)).Select(a => a.ToActivity()).ToList();
        var buffer = new MemoryStream();
        new ActivityExport(activities).Write(buffer, fileFormat);
        var (suffix, contentType) = fileFormat switch
        {
            ActivityFileFormat.Ghostfolio => (".ghostfolio.json", "application/json"),
            ActivityFileFormat.Wealthfolio => (".wealthfolio.csv", "text/csv"),
            _ => (".activities.csv", "text/csv"),
        };
        return Results.File(buffer.ToArray(), contentType, id + suffix);
    }

    /// <summary>A whole number within bounds, from an address's text; none: the default.</summary>
    private static int Count(string name, string? text, int minimum, int maximum, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw HksException.Usage("InvalidNumber", $"{name} must be a whole number from {minimum:N0} to {maximum:N0}");
    }
}
