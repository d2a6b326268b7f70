using HkStrategy.Web.Startup;

return await DashboardHost.RunAsync(args);

/// <summary>The dashboard's entry point.</summary>
public partial class Program;
