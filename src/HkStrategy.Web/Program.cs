using HkStrategy.Web.Health;
using HkStrategy.Web.Pages;
using HkStrategy.Web.Startup;

return await StartupFailures.ReportAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.ListenOnLoopbackByDefault();
    await builder.AddHksDatabaseAsync();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.MapHealthEndpoints();
    app.MapHomePage();
    app.AnnounceAddresses();

    await app.RunAsync();
});

/// <summary>The dashboard's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
