using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Partnerships;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>Creating a partnership: department case work (the page's policy, PartnershipsFeature).</summary>
public sealed class NewModel(PartnershipService partnerships) : RegiekamerPage
{
    [BindProperty]
    public PartnershipForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await partnerships.CreateAsync(Input.ToInput(), ct);
        return result.IsSuccess ? Redirect($"/Partnerships/{result.Value!.Id}?saved=true") : Fail(result.Errors);
    }
}
