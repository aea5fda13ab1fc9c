// The data for this lesson, kept in memory: it resets whenever the server restarts.
export const books = [
  { id: 1, title: 'A Wizard of Earthsea', author: 'Ursula K. Le Guin', available: true },
  { id: 2, title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin', available: false },
  { id: 3, title: 'The Dispossessed', author: 'Ursula K. Le Guin', available: true },
  { id: 4, title: 'Kindred', author: 'Octavia E. Butler', available: true },
  { id: 5, title: 'Parable of the Sower', author: 'Octavia E. Butler', available: false },
  { id: 6, title: 'Piranesi', author: 'Susanna Clarke', available: true },
];
