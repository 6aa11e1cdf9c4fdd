using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Features.Account;

namespace Regiekamer.Web.Features.Admin.Users;

public sealed class NewUserForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public List<Role> DepartmentRoles { get; set; } = [];

    public Role? PartnershipRole { get; set; }

    public int? PartnershipId { get; set; }

    public IReadOnlyList<RoleGrant> Grants()
    {
        var grants = DepartmentRoles.Select(r => new RoleGrant(r)).ToList();
        if (PartnershipRole is { } role)
        {
            grants.Add(new RoleGrant(role, PartnershipId));
        }

        return grants;
    }
}

/// <summary>Everyone who can sign in, with their roles; a new user gets a mail to set their password.</summary>
public sealed class IndexModel(AccountService accounts, PartnershipService partnerships, ResetMail resetMail, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public IReadOnlyDictionary<int, string> PartnershipNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A role without its partnership is refused by AccountService; a partnership without a role never reaches it.
        if (Input.PartnershipRole is null && Input.PartnershipId is not null)
        {
            Errors = [DomainError.Invalid("validation", "Rol in het regieverband: kies een rol voor het gekozen regieverband.", "Role in the partnership: choose a role for the chosen partnership.", "partnershipRole")];
        }
        else
        {
            var result = await accounts.CreateAsync(Input.Email, Input.DisplayName, Input.Grants(), password: null, ct);
            if (result.IsSuccess)
            {
                var sent = await resetMail.TrySendAsync(result.Value!, Request, ct);
                return RedirectToPage("/Admin/Users/Edit", new { id = result.Value!.Id, created = 1, done = sent ? null : "mail-failed" });
            }

            Errors = result.Errors;
        }

        await LoadAsync(ct);
        Response.StatusCode = Errors.Any(e => e.Kind == ErrorKind.Conflict) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        PartnershipNames = (await partnerships.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
    }
}
