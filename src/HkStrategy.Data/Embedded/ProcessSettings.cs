using HkStrategy.Data.Embedded;
using HkStrategy.Data.Settings;

namespace HkStrategy.Data.Embedded;

/// <summary>The settings that hold for a whole program, applied once at its start: where PostgreSQL's programs are.</summary>
public static class ProcessSettings
{
    public static HksSettings ApplyToProcess(this HksSettings settings)
    {
        PgBinaries.SearchIn(settings.ServerProgramsFolder, settings.SearchPath);
        return settings;
    }
}
