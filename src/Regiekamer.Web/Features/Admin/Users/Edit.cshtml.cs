using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Features.Admin.Users;

/// <summary>One user: roles per partnership, lock and unlock, a mail to set a new password, their API tokens.</summary>
public sealed class EditModel(AccountService accounts, ApiTokenService tokens, PartnershipService partnerships, ResetMail resetMail, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Created { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public int? PartnershipId { get; set; }

    public RegiekamerUser Account { get; private set; } = null!;

    public IReadOnlyList<RoleAssignment> Roles { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PartnershipNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public bool LockedByAdministrator => Account.LockoutEnd == AccountService.LockedByAdministrator;

    public bool TemporarilyLocked => !LockedByAdministrator && Account.LockoutEnd > time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(CancellationToken ct)
    {
        if (Role is not { } role)
        {
            return await RefuseAsync([DomainError.Invalid("validation", "Rol: kies een rol.", "Role: choose a role.", "role")], ct);
        }

        var result = await accounts.AddRoleAsync(Id, new RoleGrant(role, role.IsDepartmentRole() ? null : PartnershipId), ct);
        return result.IsSuccess ? Saved("role-added") : await RefuseAsync(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Role role, int? partnershipId, CancellationToken ct)
    {
        var result = await accounts.RemoveRoleAsync(Id, new RoleGrant(role, partnershipId), ct);
        return result.IsSuccess ? Saved("role-removed") : await RefuseAsync(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken ct)
    {
        var result = await accounts.LockAsync(Id, ct);
        return result.IsSuccess ? Saved("locked") : await RefuseAsync(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        var result = await accounts.UnlockAsync(Id, ct);
        return result.IsSuccess ? Saved("unlocked") : await RefuseAsync(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostSendResetAsync(CancellationToken ct)
    {
        if (await accounts.FindAsync(Id, ct) is not { } user)
        {
            return NotFound();
        }

        return Saved(await resetMail.TrySendAsync(user, Request, ct) ? "reset-sent" : "mail-failed");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        // Only a token of this user: another user's token id in the form is "not found" here.
        var result = await tokens.RevokeAsync(tokenId, ownerId: Id, ct);
        return result.IsSuccess ? Saved("revoked") : await RefuseAsync(result.Errors, ct);
    }

    private RedirectToPageResult Saved(string what) => RedirectToPage(new { id = Id, done = what });

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        // The user may be gone (deleted meanwhile): then there is no page to show the errors on.
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Errors = errors;
        Response.StatusCode = errors[0].Kind switch
        {
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await accounts.FindAsync(Id, ct) is not { } user)
        {
            return false;
        }

        Account = user;
        Roles = await accounts.RolesAsync(Id, ct);
        Tokens = await tokens.ListAsync(Id, ct);
        PartnershipNames = (await partnerships.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        return true;
    }
}
