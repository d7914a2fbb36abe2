"""The facilitator's terminal app (Textual). Nothing outside this package imports Textual."""
