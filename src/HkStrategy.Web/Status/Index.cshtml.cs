using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Web.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HkStrategy.Data.Settings;

namespace HkStrategy.Web.Status;

/// <summary>System status: the database (password masked), versions, pending migrations, integrity, last backup, row counts.</summary>
[AnySchema]
public sealed class IndexModel(Database database, SchemaMigrator migrator, HksHome home, TimeProvider clock, SchemaCheck schema) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "schema")]
    public string? SentFor { get; set; }

    public SystemStatus Status { get; private set; } = null!;

    public string? SchemaProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        schema.Forget();
        SchemaProblem = await schema.ProblemAsync(cancellationToken);
        Status = await SystemStatus.ReadAsync(database, migrator, home, clock, cancellationToken);
    }
}
