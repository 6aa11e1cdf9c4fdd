using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>
/// The supplier's form, opened by the link in its invitation (no account): its entry as it stands, to correct. What it
/// sends waits as a pending copy for the regisseur; nothing changes in the public catalogue. A link that is unknown,
/// expired or used gets the same page, which says nothing about the entry or anyone's address. Antiforgery and rate-limited.
/// </summary>
public sealed class UpdateModel(OfferingService offerings, CatalogueSearch search) : RegiekamerPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public OfferingForm Input { get; set; } = new();

    public InvitationView? Invitation { get; private set; }

    public CatalogueLists Lists { get; private set; } = new([], [], [], []);

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var opened = await offerings.OpenInvitationAsync(Token, ct);
        if (!opened.IsSuccess)
        {
            return Fail(opened.Errors);
        }

        Invitation = opened.Value;
        Input = OfferingForm.Of(Invitation!.Offering.Content);
        Lists = await search.ListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var opened = await offerings.OpenInvitationAsync(Token, ct);
        if (!opened.IsSuccess)
        {
            return Fail(opened.Errors);
        }

        var result = await offerings.SubmitUpdateAsync(Token, Input.ToInput(), ct);
        if (result.IsSuccess)
        {
            Sent = true;
            return Page();
        }

        Invitation = opened.Value;
        Lists = await search.ListsAsync(ct);
        return Fail(result.Errors);
    }
}
