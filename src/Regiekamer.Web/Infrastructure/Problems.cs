using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// The one place expected failures become HTTP: each <see cref="ErrorKind"/> has one status, for the API
/// (ProblemDetails with <c>errorCode</c>, the rule ID where a rule is broken, and every error with its field and Dutch
/// and English message) and for pages (the error shown on the page, with the same status). No internals leak.
/// </summary>
public static class Problems
{
    /// <summary>The status of a kind of error.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The status of a list of errors: the first one's, as <c>errorCode</c> is the first one's code.</summary>
    public static int StatusOf(IReadOnlyList<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? StatusCodes.Status400BadRequest : StatusOf(errors[0].Kind);
    }

    /// <param name="status">The HTTP status when the request, not the errors, decides it (401, 413, 429); otherwise it follows the first error's kind.</param>
    /// <param name="extensions">More members of the answer (a conflict's current state).</param>
    public static IResult From(IReadOnlyList<DomainError> errors, int? status = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors[0];
        var code = status ?? StatusOf(errors);
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
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static IResult From(DomainError error) => From([error]);

    public static IResult Invalid(string field, string nl, string en) => From(DomainError.Invalid("validation", nl, en, field));
}
