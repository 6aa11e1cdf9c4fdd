using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// A page handler that needs more than its folder's policy (the folder lets the department read; only case work may
/// post). Razor Pages has no [Authorize] per handler; this attribute, checked by <see cref="HandlerPolicyFilter"/> on
/// every page, is the declaration instead of a check in the handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>Refuses (403) a handler whose <see cref="HandlerPolicyAttribute"/> the user does not meet, before it runs.</summary>
public sealed class HandlerPolicyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<HandlerPolicyAttribute>() is { } required)
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, required.Policy)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
