using HkStrategy.Data.Connection;
using HkStrategy.Data.Settings;
using HkStrategy.Operations.Analysis;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Operations.Positions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.FileProviders;
using HkStrategy.Web.Backups;
using HkStrategy.Web.Failures;
using HkStrategy.Web.Jobs;
using HkStrategy.Web.Maintenance;
using HkStrategy.Web.Schema;

using HkStrategy.Web.Security;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Web.Startup;

/// <summary>The dashboard's pages, API description, background operations and request pipeline.</summary>
public static class DashboardSetup
{
    public static void AddDashboard(this WebApplicationBuilder builder, HksSettings settings)
    {
        var home = settings.Home;
        builder.Services.AddSingleton(sp => new MaintenanceMode(sp.GetRequiredService<Database>(), home.Root, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<OperationJobs>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationJobs>());
        builder.Services.AddSingleton<BackupEntries>();
        builder.Services.AddSingleton<HkStrategy.Web.Portfolios.PortfolioViewCache>();
        builder.Services.AddSingleton<BackupOperations>();
        builder.Services.AddSingleton(sp => new SafetyBackup(home.Backups, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PortfolioDeletion>();
        builder.Services.AddSingleton<PortfolioImporting>();
        builder.Services.AddSingleton<PositionRemoval>();
        builder.Services.AddSingleton<HkStrategy.Operations.Ledger.ActivityRemoval>();
        builder.Services.AddSingleton<HkStrategy.Web.Activities.LedgerListCache>();
        builder.Services.AddSingleton<HkStrategy.Web.Performance.PerformanceCache>();
        builder.Services.AddSingleton(sp => new HkStrategy.Web.Activities.ActivityUploads(home.Uploads, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AnalysisDeletion>();
        builder.Services.AddExceptionHandler<DashboardExceptionHandler>();
        builder.Services.AddProblemDetails();
        // A portfolio document of up to 5 MiB travels from its preview to its confirmation as a form value.
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options => options.ValueLengthLimit = 8 * 1024 * 1024);
        // Company names, "·" and "–" are written as characters, not escapes; markup-significant ones are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Sign-in cookies and antiforgery tokens are sealed with keys kept where only this account can read them,
        // so sessions survive a restart; the folder's mode is their protection (hence no warning about an encryptor).
        builder.Services.AddDataProtection().SetApplicationName("HK Strategy dashboard")
            .PersistKeysToFileSystem(PrivateFolder(Path.Combine(home.Root, "dashboard-keys")));
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddSingleton<SchemaCheck>();
        builder.Services.AddRazorPages(options =>
        {
            // Feature folders: each page lives beside its endpoints and view helpers (Portfolios/, Backups/, …), its
            // address given by its @page directive.
            options.RootDirectory = "/";
            options.Conventions.AllowAnonymousToPage("/Security/Login");
            options.Conventions.AddPageRoute("/Portfolios/Index", "/portfolios");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<SchemaGateFilter>();
            // Every field is checked by the command line's own rules, with their messages; no "field is required" from MVC.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HK Strategy dashboard API";
            document.Info.Description = "Portfolios, positions, signals, analyses, backups and status of the HK Strategy database.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
    }

    /// <summary>The folder, created or made readable by this account only (also when an older version created it open).</summary>
    private static DirectoryInfo PrivateFolder(string path)
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var folder = Directory.CreateDirectory(path, Private);
        File.SetUnixFileMode(path, Private);
        foreach (var file in folder.GetFiles())
        {
            File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return folder;
    }

    public static void UseDashboard(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            var message = status switch
            {
                404 or 405 => $"there is nothing at {context.HttpContext.Request.Path}",
                // Antiforgery and form-reading refusals: usually a page open since before a restart; reloading it helps.
                400 => "the request could not be accepted (a form from an older page?): reload the page and try again",
                _ => null,
            };
            if (message is not null)
            {
                await DashboardExceptionHandler.WriteAsync(context.HttpContext, status, message);
            }
        });
        var assets = new EmbeddedFileProvider(typeof(DashboardSetup).Assembly, "HkStrategy.Web.wwwroot");
        app.Environment.WebRootFileProvider = assets;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = assets,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "no-cache",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMaintenanceGate();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
    }
}
