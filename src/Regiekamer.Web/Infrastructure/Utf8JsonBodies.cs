using System.Text.Unicode;
using Regiekamer.Core.Common;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// A JSON body to the API must be UTF-8 throughout. System.Text.Json checks the text of the values it reads, but not
/// the name of a property it skips: a stray invalid byte in a name made that property unknown, and the request went
/// through with the property missing (found by fuzzing, issue 7). Such a body gets 400 before any endpoint sees it.
/// </summary>
public sealed class Utf8JsonBodies(RequestDelegate next)
{
    public static DomainError NotUtf8 { get; } = DomainError.Invalid(
        "not-utf8",
        "De inhoud van het verzoek is geen geldige UTF-8; JSON moet in UTF-8 zijn.",
        "The request body is not valid UTF-8; JSON must be UTF-8.");

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AccountProblems.IsApi(context.Request) && context.Request.HasJsonContentType())
        {
            // Read once into memory (bodies are at most AccountsSetup.MaxRequestBodyBytes), then again by the endpoint.
            context.Request.EnableBuffering();
            var body = await Core.Imports.CsvText.ReadAllBytesAsync(context.Request.Body, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (!Utf8.IsValid(body))
            {
                await AccountProblems.WriteAsync(context, StatusCodes.Status400BadRequest, NotUtf8);
                return;
            }
        }

        await next(context);
    }
}
