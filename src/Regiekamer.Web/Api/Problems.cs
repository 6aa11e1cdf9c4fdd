using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Api;

/// <summary>
/// The one place expected failures become HTTP: ProblemDetails with <c>errorCode</c> (the rule ID where a rule is
/// broken) and every error with its field and Dutch and English message. No internals leak.
/// </summary>
public static class Problems
{
    /// <param name="status">The HTTP status when the request, not the errors, decides it (401, 403, 413, 429); otherwise it follows the first error's kind.</param>
    public static IResult From(IReadOnlyList<DomainError> errors, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors[0];
        var code = status ?? first.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ when first.Code.StartsWith('R') => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = new ProblemDetails
        {
            Status = code,
            Title = code switch
            {
                400 => "Invalid input",
                401 => "Not signed in",
                403 => "Forbidden",
                404 => "Not found",
                409 => "Conflict",
                422 => "A rule of the scheme is broken",
                _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code),
            },
            Detail = string.Join(" ", errors.Select(e => e.Message.Nl)),
            Type = $"https://regiekamer.example/problems/{first.Code}",
        };
        problem.Extensions["errorCode"] = first.Code;
        problem.Extensions["errors"] = errors.Select(e => new { code = e.Code, field = e.Field, message = e.Message.Nl, messageEn = e.Message.En }).ToList();
        return TypedResults.Problem(problem);
    }

    public static IResult From(DomainError error) => From([error]);

    public static IResult Invalid(string field, string nl, string en) => From(DomainError.Invalid("validation", nl, en, field));
}
