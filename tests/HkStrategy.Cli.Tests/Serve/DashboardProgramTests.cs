using HkStrategy.Cli.Commands.Serve;

namespace HkStrategy.Cli.Tests.Serve;

/// <summary>The command line knows the dashboard only as a program beside it.</summary>
public sealed class DashboardProgramTests
{
    [Fact]
    public void TheCommandLine_ReferencesNoAspNetCoreAndNotTheDashboard()
    {
        var references = typeof(ServeCommand).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain("HkStrategy.Web", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDashboardProgram_IsWhereServeLooksForIt() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, DashboardProgram.Assembly)));
}
