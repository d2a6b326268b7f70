using HkStrategy.Data.Embedded;
using HkStrategy.Data.Settings;
using Microsoft.Extensions.Options;

namespace HkStrategy.Web.Startup;

/// <summary>
/// The dashboard's settings: read once from its configuration (environment variables and command line, under the
/// names hks uses), refused in one line when any cannot be read, then offered as <see cref="IOptions{HksSettings}"/>,
/// <see cref="HksSettings"/> and <see cref="HksHome"/>. Nothing in the dashboard reads the environment itself.
/// </summary>
public static class SettingsSetup
{
    public static HksSettings AddHksSettings(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = HksSettingsReader.Read(name => configuration[name]).RequireValid().ApplyToProcess();
        builder.Services.AddSingleton(Options.Create(settings));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Home);
        return settings;
    }
}
