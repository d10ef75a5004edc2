using System.Text;
using System.Text.Json;
using AssetBridge.Connectors.ServiceNow.Mapping;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// Reads a buffered Table API body with <see cref="Utf8JsonReader"/>, keeping only the requested
/// columns of each record, without building a document per record. A value may be a string, null,
/// a number or boolean, or an object: <c>{"link","value"}</c> or <c>{"display_value","value"}</c>
/// give <c>value</c>, and <c>display_value</c> only when there is no <c>value</c>.
/// </summary>
internal static class TablePageParser
{
    private static ReadOnlySpan<byte> TransactionCancelled => "Transaction cancelled"u8;

    public static PageBody Parse(ReadOnlySpan<byte> utf8, ColumnSet columns)
    {
        var body = new PageBody();
        try
        {
            ParseInto(utf8, columns, body);
        }
        catch (JsonException e)
        {
            body.MalformedReason = e.Message;
        }

        if (body.IsMalformed)
        {
            // A cut-off body may still carry the cancellation notice after the broken result array.
            body.IsTransactionCancelled = utf8.IndexOf(TransactionCancelled) >= 0;
        }
        else if (Mentions(body.ErrorMessage) || Mentions(body.ErrorDetail))
        {
            body.IsTransactionCancelled = true;
        }

        return body;
    }

    private static bool Mentions(string? text) => text?.Contains("Transaction cancelled", StringComparison.OrdinalIgnoreCase) == true;

    private static void ParseInto(ReadOnlySpan<byte> utf8, ColumnSet columns, PageBody body)
    {
        if (utf8.IsEmpty)
        {
            body.MalformedReason = "the body is empty";
            return;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            body.MalformedReason = "the body is not a JSON object";
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                ReadResult(ref reader, columns, body);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                ReadError(ref reader, body);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the closing brace (a second document, garbage) makes the reader throw here.
        while (reader.Read())
        {
        }
    }

    private static void ReadResult(ref Utf8JsonReader reader, ColumnSet columns, PageBody body)
    {
        body.HasResult = true;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        body.Rows.Add(ReadRecord(ref reader, columns));
                    }
                    else
                    {
                        throw new JsonException("a result item is not an object");
                    }
                }

                break;
            case JsonTokenType.StartObject:
                body.Rows.Add(ReadRecord(ref reader, columns));
                break;
            case JsonTokenType.Null:
                break;
            default:
                throw new JsonException("the result member is neither an array nor an object");
        }
    }

    private static string?[] ReadRecord(ref Utf8JsonReader reader, ColumnSet columns)
    {
        var row = new string?[columns.Count];
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = ColumnIndex(ref reader, columns, expected);
            expected = index + 1;
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
            }
            else
            {
                row[index] = ReadValue(ref reader);
            }
        }

        return row;
    }

    /// <summary>
    /// The column a property holds. Instances send a record's fields in the same order every time, so
    /// the search starts where the previous property matched: one comparison per property, not one
    /// per column.
    /// </summary>
    private static int ColumnIndex(ref Utf8JsonReader reader, ColumnSet columns, int expected)
    {
        var names = columns.Utf8Columns;
        var count = names.Count;
        for (var n = 0; n < count; n++)
        {
            var i = expected + n;
            if (i >= count)
            {
                i -= count;
            }

            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return ReadReference(ref reader);
        }

        return ReadScalar(ref reader);
    }

    /// <summary>A scalar as text; an array or object where a scalar belongs is skipped and read as no value.</summary>
    private static string? ReadScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    private static string? ReadReference(ref Utf8JsonReader reader)
    {
        string? value = null;
        string? display = null;
        var hasValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                hasValue = true;
                value = ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("display_value"u8))
            {
                reader.Read();
                display = ReadScalar(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return hasValue ? value : display;
    }

    private static void ReadError(ref Utf8JsonReader reader, PageBody body)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            body.ErrorMessage = reader.GetString();
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                body.ErrorMessage = ReadScalar(ref reader);
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                reader.Read();
                body.ErrorDetail = ReadScalar(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}
