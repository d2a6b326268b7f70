using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Data.Settings;
using HkStrategy.Operations.Demo;
using HkStrategy.Data.Targets;

namespace HkStrategy.Web.Startup;

/// <summary>
/// The dashboard's database: <c>--database</c>, else HKS_DATABASE_URL, else the embedded default. An empty embedded
/// database is migrated and filled with the demo state on first run; any other database is never changed at start-up.
/// </summary>
public static class DatabaseSetup
{
    public static async Task AddHksDatabaseAsync(this WebApplicationBuilder builder, HksSettings settings)
    {
        var target = await TargetResolver.ResolveAsync(builder.Configuration["database"], settings, CancellationToken.None);
        builder.Services.AddSingleton(target);
        builder.Services.AddSingleton(new Database(target));
        builder.Services.AddSingleton(new SchemaMigrator(MigrationCatalog.Embedded));
        builder.Services.AddSingleton(TimeProvider.System);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        if (!database.Target.IsEmbedded)
        {
            return;
        }
        var firstRun = new FirstRun(app.Services.GetRequiredService<SchemaMigrator>(), app.Services.GetRequiredService<TimeProvider>());
        if (await firstRun.PrepareIfEmptyAsync(database, withDemo: true, CancellationToken.None))
        {
            app.Logger.LogInformation("First run: the embedded database was migrated and filled with the demo state");
        }
    }
}
