using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Accounts;

/// <summary>401 and 403 for API clients: ProblemDetails in the shape of Api/Problems (errorCode, errors in Dutch and English), never a redirect to the sign-in page.</summary>
public static class AccountProblems
{
    public static DomainError NotSignedIn { get; } = DomainError.Invalid(
        "unauthorized",
        "Aanmelden vereist: stuur 'Authorization: Bearer rk_…' met een API-token of meld je aan.",
        "Sign-in required: send 'Authorization: Bearer rk_…' with an API token, or sign in.");

    public static DomainError Forbidden { get; } = DomainError.Invalid(
        "forbidden",
        "Je rollen geven geen toegang tot deze gegevens.",
        "Your roles do not give access to this data.");

    public static DomainError AdministratorNeedsTwoFactor { get; } = DomainError.Invalid(
        "administrator-two-factor",
        "Een beheerder moet eerst aanmelden in twee stappen instellen (/Account/Manage/TwoFactor).",
        "An administrator must first set up two-factor sign-in (/Account/Manage/TwoFactor).");

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    public static Task WriteAsync(HttpContext context, int status, DomainError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Not signed in" : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            Detail = error.Message.Nl,
            Type = $"https://regiekamer.example/problems/{error.Code}",
        };
        problem.Extensions["errorCode"] = error.Code;
        problem.Extensions["errors"] = new[] { new { code = error.Code, field = error.Field, message = error.Message.Nl, messageEn = error.Message.En } };
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
