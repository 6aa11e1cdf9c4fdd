using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Features.Account.Manage;

/// <summary>The user's API tokens: make one (the secret is shown once), see when each was last used, revoke.</summary>
public sealed class TokensModel(ApiTokenService tokens, UserManager<RegiekamerUser> users, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Optional, YYYY-MM-DD: the token works until the end of that day (Brussels).</summary>
    [BindProperty]
    public string? Expires { get; set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just made; in this answer only.</summary>
    public CreatedApiToken? Created { get; private set; }

    public string? Revoked { get; private set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } user)
        {
            return Challenge();
        }

        DateTime? expires = null;
        if (!string.IsNullOrWhiteSpace(Expires))
        {
            if (!DateOnly.TryParseExact(Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Refuse(DomainError.Invalid("validation", $"Vervaldatum: '{Expires}' is geen datum (JJJJ-MM-DD).", $"Expiry: '{Expires}' is not a date (YYYY-MM-DD).", "expires"));
            }

            expires = Core.Common.BrusselsClock.StartOfDayUtc(day.AddDays(1));
        }

        var result = await tokens.CreateAsync(user.Id, Name, expires, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Errors);
        }

        Created = result.Value;
        Name = Expires = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } user)
        {
            return Challenge();
        }

        var result = await tokens.RevokeAsync(tokenId, user.Id, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Response.StatusCode = result.Errors[0].Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return Page();
        }

        Revoked = result.Value!.Name;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<RegiekamerUser?> LoadAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Tokens = await tokens.ListAsync(user.Id, ct);
        return user;
    }

    private PageResult Refuse(params IReadOnlyList<DomainError> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
