using HkStrategy.Core.Portfolios;

namespace HkStrategy.Web.Portfolios;

/// <summary><c>/switch-portfolio?id=…</c>: where the portfolio switcher's form goes without JavaScript; it opens the chosen portfolio.</summary>
public static class PortfolioSwitch
{
    public static void MapPortfolioSwitch(this WebApplication app) =>
        app.MapGet("/switch-portfolio", (string? id) => Results.Redirect($"/portfolios/{Uri.EscapeDataString(PortfolioId.Require(id))}")).ExcludeFromDescription();
}
