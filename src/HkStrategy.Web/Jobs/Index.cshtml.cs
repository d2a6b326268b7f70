using HkStrategy.Web.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Jobs;

/// <summary>A long operation's live progress; the page polls itself (htmx) until the operation has finished.</summary>
[AnySchema]
public sealed class IndexModel(OperationJobs jobs) : PageModel
{
    public OperationJob Job { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (jobs.Find(id) is not { } job)
        {
            throw HkStrategy.Core.Failures.HksException.Usage("OperationMissing", $"there is no operation '{id}' (the dashboard keeps the last 50 since it started)");
        }
        Job = job;
        return Page();
    }
}
