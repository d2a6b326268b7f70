using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HkStrategy.Web.Schema;

/// <summary>Marks a page that works on any schema (status, backups, sign-in): the schema gate lets it through.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnySchemaAttribute : Attribute;

/// <summary>Pages that read portfolio data need the current schema; without it they send people to System status.</summary>
public sealed class SchemaGateFilter(SchemaCheck schema) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance.GetType().IsDefined(typeof(AnySchemaAttribute), inherit: false)
            || await schema.ProblemAsync(context.HttpContext.RequestAborted) is null)
        {
            await next();
            return;
        }
        context.Result = new RedirectResult("/status?schema=pending");
    }
}
