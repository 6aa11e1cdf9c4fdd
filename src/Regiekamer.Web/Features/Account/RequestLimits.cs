using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

/// <summary>
/// Request bodies over <see cref="AccountsSetup.MaxRequestBodyBytes"/> (or the route's own limit, as the plan upload's
/// <see cref="IRequestSizeLimitMetadata"/>) get 413 with a message that says so: a declared
/// length is refused before anyone reads it; an undeclared (chunked) body is cut off by Kestrel while the app reads,
/// which surfaces as a <see cref="BadHttpRequestException"/> that <see cref="Refuse"/> turns into the same answer, in
/// every environment (an exception handler would come after the developer error page in Development).
/// </summary>
public static class RequestLimits
{
    public static DomainError TooLarge { get; } = TooLargeFor(AccountsSetup.MaxRequestBodyBytes);

    public static DomainError TooLargeFor(long limit) => DomainError.Invalid(
        "request-too-large",
        $"Het verzoek is te groot (hoogstens {limit / (1024 * 1024)} MB).",
        $"The request is too large (at most {limit / (1024 * 1024)} MB).");

    /// <summary>The largest body an endpoint takes: its own limit, or the app's.</summary>
    public static long LimitOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? AccountsSetup.MaxRequestBodyBytes;

    public static DomainError TooManyAttempts { get; } = DomainError.Invalid(
        "too-many-attempts",
        "Te veel pogingen vanaf dit adres. Probeer het over een minuut opnieuw.",
        "Too many attempts from this address. Try again in a minute.");

    public static DomainError Malformed { get; } = DomainError.Invalid(
        "bad-request",
        "Het verzoek is onvolledig of misvormd.",
        "The request is incomplete or malformed.");

    public static async Task Refuse(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The error page, re-executed for a page's 413, comes through here again with the same Content-Length.
        var limit = LimitOf(context.GetEndpoint());
        if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeFor(limit));
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
            await WriteAsync(context, status, status == StatusCodes.Status413PayloadTooLarge ? TooLargeFor(limit) : Malformed);
        }
    }

    /// <summary>ProblemDetails for the API; for pages only the status, so the error page (/Error/{code}) says it in the site's layout and language.</summary>
    public static Task WriteAsync(HttpContext context, int status, DomainError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        if (AccountProblems.IsApi(context.Request))
        {
            return AccountProblems.WriteAsync(context, status, error);
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
