using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Account;

/// <summary>401 and 403 for API clients: ProblemDetails made by Api/Problems (errorCode, errors in Dutch and English), never a redirect to the sign-in page.</summary>
public static class AccountProblems
{
    public static DomainError NotSignedIn { get; } = DomainError.Invalid(
        "unauthorized",
        "Aanmelden vereist: stuur 'Authorization: Bearer rk_…' met een API-token of meld je aan.",
        "Sign-in required: send 'Authorization: Bearer rk_…' with an API token, or sign in.");

    public static DomainError Forbidden { get; } = DomainError.Forbidden(
        "Je rollen geven geen toegang tot deze gegevens.",
        "Your roles do not give access to this data.");

    public static DomainError AdministratorNeedsTwoFactor { get; } = new(
        "administrator-two-factor",
        new(
            "Een beheerder moet eerst aanmelden in twee stappen instellen (/Account/Manage/TwoFactor).",
            "An administrator must first set up two-factor sign-in (/Account/Manage/TwoFactor)."),
        null,
        ErrorKind.Forbidden);

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    public static Task WriteAsync(HttpContext context, int status, DomainError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        return Problems.From([error], status).ExecuteAsync(context);
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>; with the reason a token was refused, if one was.</summary>
    public static Task ChallengeAsync(HttpContext context, DomainError? tokenRefused = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = tokenRefused is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, tokenRefused ?? NotSignedIn);
    }
}
