using HkStrategy.Core.Failures;

namespace HkStrategy.Data.Schema;

/// <summary>The checks every start makes before touching a database: known schema, no newer version, no edited migration.</summary>
public static class SchemaGuard
{
    public static void Verify(SchemaState state)
    {
        if (state.IsNewerThanProgram)
        {
            throw HksException.Refused("SchemaNewerThanProgram",
                $"the database is at schema version {state.RecordedVersion}, newer than this program knows (up to {state.Catalog.Latest}): upgrade hks");
        }
        if (state.Edited is [var edited, ..])
        {
            throw HksException.Refused("MigrationChecksumMismatch",
                $"migration {edited.Version} ({edited.Name}) differs from the one applied to this database on {edited.AppliedAt:yyyy-MM-dd}: applied migrations must never be edited");
        }
        if (!state.IsRecorded && state.Detected.Shape == SchemaShape.Unknown)
        {
            throw HksException.Refused("UnknownSchema",
                $"the database's tables do not match any schema version hks knows ({state.Detected.Reason}); nothing was changed");
        }
    }

    /// <summary>Every command that reads or writes portfolio data needs the schema at a version it understands.</summary>
    public static void RequireVersion(SchemaState state, int minimum)
    {
        Verify(state);
        if (state.CurrentVersion is not { } current || current < minimum)
        {
            throw HksException.Refused("SchemaTooOld",
                $"this needs schema version {minimum} or later, the database is at {state.CurrentVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: run 'hks db migrate'");
        }
    }
}
