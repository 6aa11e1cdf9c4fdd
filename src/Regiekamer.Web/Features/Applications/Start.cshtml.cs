using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>Starts a partnership's dossier for the latest call: its regisseur or signatory.</summary>
[PartnershipAccess(Core.Accounts.PartnershipPermission.Apply)]
public sealed class StartModel(CurrentPartnership current, ApplicationService applications, CallService calls) : RegiekamerPage
{
    public string PartnershipName => current.Existing.Name;

    public Call? Call { get; private set; }

    public int? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Call = await calls.LatestAsync(ct);
        Existing = Call is null ? null : await applications.FindAsync(current.Id, Call.Id, ct);
        return Existing is { } id ? Redirect($"/Applications/{id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Call = await calls.LatestAsync(ct);
        if (Call is null)
        {
            return Fail([Core.Common.DomainError.NotFound("Er is nog geen oproep.", "There is no call yet.")]);
        }

        var started = await applications.StartAsync(current.Id, Call.Id, ct);
        return started.IsSuccess ? Redirect($"/Applications/{started.Value!.Id}") : Fail(started.Errors);
    }
}
