using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Catalogue;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Catalogue;

/// <summary>The department's categories of the catalogue, each with its CPV codes: list, add and change.</summary>
public sealed class CategoriesModel(CategoryService categories) : RegiekamerPage
{
    public IReadOnlyList<CatalogueCategory> Categories { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NameNl { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public int SortOrder { get; set; }

    [BindProperty]
    public string? CpvCodes { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await categories.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await categories.AddAsync(new CategoryInput(Code, NameNl, NameEn, SortOrder, CpvCodes), ct);
        return result.IsSuccess ? Redirect("/Catalogue/Categories?saved=true") : await FailAsync(result.Errors, ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        var result = await categories.UpdateAsync(Code ?? "", new CategoryInput(Code, NameNl, NameEn, SortOrder, CpvCodes), Version, ct);
        return result.IsSuccess ? Redirect("/Catalogue/Categories?saved=true") : await FailAsync(result.Errors, ct);
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<Core.Common.DomainError> errors, CancellationToken ct)
    {
        Categories = await categories.ListAsync(ct);
        return Fail(errors);
    }
}
