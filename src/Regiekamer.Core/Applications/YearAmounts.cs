using System.Collections;
using System.Globalization;
using System.Text;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

/// <summary>
/// An action's planned amount per year (R11): a year that is missing means the action does not run that year; zero is
/// allowed and means it runs without cost. Immutable, ordered by year, compared by value; stored as "2023=3500000;2024=0"
/// (cents).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A domain value (an action's amounts per year) that reads as a dictionary, not a collection type.")]
public sealed class YearAmounts : IReadOnlyDictionary<int, Money>, IEquatable<YearAmounts>
{
    private readonly SortedDictionary<int, Money> _amounts;

    public YearAmounts(IEnumerable<KeyValuePair<int, Money>> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        _amounts = new SortedDictionary<int, Money>();
        foreach (var (year, amount) in amounts)
        {
            _amounts[year] = amount;
        }
    }

    public static YearAmounts Empty { get; } = new([]);

    public Money this[int key] => _amounts[key];

    public IEnumerable<int> Keys => _amounts.Keys;

    public IEnumerable<Money> Values => _amounts.Values;

    public int Count => _amounts.Count;

    /// <summary>The total over every year.</summary>
    public Money Total => _amounts.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    public bool ContainsKey(int key) => _amounts.ContainsKey(key);

    public bool TryGetValue(int key, out Money value) => _amounts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<int, Money>> GetEnumerator() => _amounts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Year → "35000.00" (invariant euros): as snapshots, frozen versions and the API write amounts.</summary>
    public Dictionary<string, string> ToInvariantDictionary() =>
        _amounts.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value.ToInvariantString());

    /// <summary>"2023=3500000;2024=0": years ascending, cents.</summary>
    public string ToStorage()
    {
        var text = new StringBuilder();
        foreach (var (year, amount) in _amounts)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(year.ToString(CultureInfo.InvariantCulture)).Append('=').Append(amount.Cents.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static YearAmounts FromStorage(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var amounts = new List<KeyValuePair<int, Money>>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            amounts.Add(new(
                int.Parse(part.AsSpan(0, eq), NumberStyles.None, CultureInfo.InvariantCulture),
                new Money(long.Parse(part.AsSpan(eq + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));
        }

        return new YearAmounts(amounts);
    }

    public bool Equals(YearAmounts? other) => other is not null && _amounts.Count == other._amounts.Count && _amounts.All(a => other._amounts.TryGetValue(a.Key, out var m) && m == a.Value);

    public override bool Equals(object? obj) => Equals(obj as YearAmounts);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (year, amount) in _amounts)
        {
            hash.Add(year);
            hash.Add(amount.Cents);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => ToStorage();
}
