using System.Globalization;

namespace Regiekamer.Web.Infrastructure;

/// <summary>What the _Pager partial shows: page <see cref="Page"/> of <see cref="Pages"/>, links to <see cref="Path"/>?page=N (with the rest of the query kept).</summary>
public sealed record Pager(int Page, int Pages, string Path, string Query = "")
{
    public string Link(int page) =>
        Path + "?" + (Query.Length > 0 ? Query + "&" : "") + "page=" + page.ToString(CultureInfo.InvariantCulture);
}
